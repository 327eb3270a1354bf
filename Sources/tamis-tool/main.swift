import TamisCLI

TamisCommand.main()
