"""Ways to run the cleaning path over many documents: `local` (a process pool on this machine)."""
