from cleanscrape.cli.main import main

raise SystemExit(main())
