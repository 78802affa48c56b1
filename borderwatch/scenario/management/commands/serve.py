import socket

from django.core.management.base import BaseCommand, CommandError

from borderwatch.lib.server import run_gunicorn


def check_port_free(host: str, port: int) -> None:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError as exc:
            raise CommandError(
                f"Cannot listen on {host}:{port}: {exc.strerror}. "
                "Choose another with --port, or stop what uses it."
            ) from None


def add_server_arguments(parser) -> None:
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        help="gunicorn worker processes (default 2; production: 2 × cores + 1)",
    )


class Command(BaseCommand):
    help = "Serve the web app with gunicorn (static files through WhiteNoise)."

    def add_arguments(self, parser):
        add_server_arguments(parser)

    def handle(self, *args, host, port, workers, **options):
        if not 0 < port < 65536:
            raise CommandError(f"--port {port} is not a TCP port (1–65535).")
        if workers < 1:
            raise CommandError("--workers must be at least 1.")
        check_port_free(host, port)
        self.stdout.write(f"Serving borderwatch on http://{host}:{port}/ (Ctrl-C stops)")
        run_gunicorn(host, port, workers)
