"""The composition root: the `bounceback` entry point and the serve/worker processes; the only place that knows consumers/."""
