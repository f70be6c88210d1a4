SELECT set_config(?, ?, false)
