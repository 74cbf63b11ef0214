import Workbench

GluelabCommand.main()
