import os
import shutil
import subprocess
import sys
from base64 import b32encode
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from borderwatch.access import otp
from borderwatch.access.models import User
from borderwatch.scenario import founding

from .serve import add_server_arguments, check_port_free


class Command(BaseCommand):
    help = (
        "The embedded demo: prepare the database, load the founding scenario if it is "
        "not there, set the demo users' password, print the address and sign-ins, and "
        "serve."
    )

    def add_arguments(self, parser):
        add_server_arguments(parser)
        parser.add_argument(
            "--no-serve", action="store_true", help="prepare and print, but do not start the server"
        )

    def handle(self, *args, host, port, workers, no_serve, **options):
        if not no_serve:
            check_port_free(host, port)
        call_command("migrate", interactive=False, verbosity=0)
        result = founding.load()
        password = founding.demo_password()
        for username, *_ in founding.DEMO_USERS:
            user = User.objects.get(username=username)
            if not user.check_password(password):
                user.set_password(password)
                user.save(update_fields=["password"])
        self.stdout.write("")
        self.stdout.write(f"borderwatch is ready: http://{host}:{port}/")
        self.stdout.write(
            "Loaded the founding scenario."
            if result.created
            else "The founding scenario was there already."
        )
        self.stdout.write(f"Sign in at http://{host}:{port}/accounts/login/ as one of:")
        for username, _first, _last, unit, role in founding.DEMO_USERS:
            self.stdout.write(f"  {username:<8} {role.label:<24} {unit}")
        self.stdout.write(f"Password for every demo user: {password}")
        if os.environ.get("BORDERWATCH_DEMO_PASSWORD"):
            self.stdout.write("(from BORDERWATCH_DEMO_PASSWORD)")
        else:
            self.stdout.write(
                "(made at random and kept in "
                f"{founding.demo_password_path()}; set BORDERWATCH_DEMO_PASSWORD to choose it)"
            )
        self._second_factors()
        self.stdout.write("")
        if no_serve:
            return
        # The notifier (deadline warnings, escalations) runs beside the server and stops
        # with it; in production run `borderwatch notify --loop` as its own service.
        notifier = subprocess.Popen([sys.executable, "-m", "borderwatch.cli", "notify", "--loop"])
        self.stdout.write(
            f"Notifier running (pid {notifier.pid}): e-mail goes to the console "
            "unless EMAIL_HOST is set."
        )
        try:
            call_command("serve", host=host, port=port, workers=workers)
        except KeyboardInterrupt:
            raise CommandError("stopped") from None
        finally:
            notifier.terminate()
            try:
                notifier.wait(timeout=10)
            except subprocess.TimeoutExpired:
                notifier.kill()

    def _second_factors(self):
        """Tell a tester how to give the privileged demo users' second factor."""
        users = [User.objects.get(username=name) for name, *_ in founding.DEMO_USERS]
        devices = [(u, otp.confirmed_device(u)) for u in users if otp.requires_second_factor(u)]
        devices = [(u, d) for u, d in devices if d is not None]
        if not devices:
            return
        names = " and ".join(u.username for u, _ in devices)
        prog = _program()
        self.stdout.write("")
        self.stdout.write(
            f"Second factor: {names} (roles that require it) are asked for a 6-digit code "
            "after the password."
        )
        self.stdout.write("Without a phone, print the current code (valid 30 s, once) with:")
        for user, _ in devices:
            self.stdout.write(f"  {prog} otp code {user.username}")
        self.stdout.write("or add them to an authenticator app by secret or otpauth address:")
        for user, device in devices:
            secret = b32encode(device.bin_key).decode()
            self.stdout.write(f"  {user.username:<8} {secret}")
            self.stdout.write(f"  {'':<8} {device.config_url}")


def _program() -> str:
    """How to run borderwatch from here: `borderwatch` when it is on PATH, else the path of
    the console script that is running (`.venv/bin/borderwatch` under `make run`)."""
    if shutil.which("borderwatch"):
        return "borderwatch"
    script = Path(sys.argv[0])
    if script.name == "borderwatch":
        try:
            return str(script.resolve().relative_to(Path.cwd()))
        except ValueError:
            return str(script)
    return "borderwatch"
