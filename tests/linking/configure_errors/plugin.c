int plugin_value(void) { return 1; }
