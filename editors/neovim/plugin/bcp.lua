if vim.g.loaded_bcp then
  return
end
vim.g.loaded_bcp = true

vim.api.nvim_create_user_command("BcpBuildParser", function()
  require("bcp").build_parser()
end, { desc = "Compile the bcp tree-sitter parser into this plugin's parser/ directory" })
