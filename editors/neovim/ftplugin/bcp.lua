-- Buffer settings for .bcp plans; highlighting comes from tree-sitter when the
-- bcp parser is installed (see README.md).
if vim.b.did_ftplugin then
  return
end
vim.b.did_ftplugin = true

vim.bo.commentstring = "# %s"
vim.bo.comments = ":#"
vim.bo.expandtab = true
vim.bo.shiftwidth = 2
vim.bo.softtabstop = 2
vim.b.undo_ftplugin = "setlocal commentstring< comments< expandtab< shiftwidth< softtabstop<"

-- Without nvim-treesitter's highlight module (or with its `main` branch, which
-- leaves starting to the user) this starts highlighting; it fails quietly
-- while the parser is not installed yet.
if vim.treesitter.start and pcall(vim.treesitter.start, 0, "bcp") then
  local ok, nvim_treesitter = pcall(require, "nvim-treesitter")
  if ok and nvim_treesitter.indentexpr then
    vim.bo.indentexpr = "v:lua.require'nvim-treesitter'.indentexpr()"
  end
end
