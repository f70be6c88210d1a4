SELECT set_config(?, ?, true)
