"""A real SMTP server for the email tests (aiosmtpd): each accepted message is written to
FOLDER as <random>.eml; a recipient whose address starts with "bounce" is refused with 550,
a permanent failure; one starting with "later" is put off with 451 quoting the address, as
greylisting relays do (a temporary failure, tried again). Prints "ready" once listening; stops when stdin closes."""

import os
import sys
import uuid

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("bounce"):
            return "550 5.1.1 no such mailbox here"
        if address.startswith("later"):
            return f"451 4.7.1 <{address}>: greylisted, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        path = os.path.join(self.folder, uuid.uuid4().hex + ".eml")
        with open(path + ".part", "wb") as f:
            f.write(envelope.original_content)
        os.rename(path + ".part", path)
        return "250 Message accepted for delivery"


def main():
    folder, port = sys.argv[1], int(sys.argv[2])
    controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    sys.stdin.read()
    controller.stop()


if __name__ == "__main__":
    main()
