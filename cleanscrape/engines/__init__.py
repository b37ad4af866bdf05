"""Ways to run the one cleaning path (`record.clean_record`) over many documents: `local` (a pool of
processes on this machine) and `spark`."""
