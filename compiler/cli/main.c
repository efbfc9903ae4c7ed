#include "cli.h"

int main(int argc, char **argv)
{
    return bcp_cli_exit(bcp_cli_main(argc, argv));
}
