from chatops_client.cli import main

main()
