-- Registers the bcp tree-sitter parser (grammar/ of this repository) with
-- nvim-treesitter, and builds it without nvim-treesitter on request.
local M = {}

-- This file is <repository>/editors/neovim/lua/bcp/init.lua.
local function plugin_dir()
  local source = debug.getinfo(1, "S").source:sub(2)
  return vim.fn.fnamemodify(source, ":p:h:h:h")
end

function M.repository_dir()
  return vim.fn.fnamemodify(plugin_dir(), ":h:h")
end

-- opts.url: a git URL or a local clone of the bcp repository; the clone this
-- plugin lives in by default.  opts.revision / opts.branch: for a git URL.
local function install_info(opts)
  return {
    url = opts.url or M.repository_dir(),
    path = opts.url == nil and M.repository_dir() or nil,
    revision = opts.revision,
    branch = opts.branch,
    location = "grammar",
    files = { "src/parser.c" },
    generate = false,
    requires_generate_from_grammar = false,
  }
end

local function register_parser(opts)
  local ok, parsers = pcall(require, "nvim-treesitter.parsers")
  if not ok then
    return false
  end
  if type(parsers.get_parser_configs) == "function" then
    -- nvim-treesitter `master`: a table of parser configurations.
    parsers.get_parser_configs().bcp = { install_info = install_info(opts), filetype = "bcp" }
  else
    -- nvim-treesitter `main`: parsers are plain entries, re-read on every
    -- :TSUpdate, so the entry is added again whenever it runs.
    local function add()
      require("nvim-treesitter.parsers").bcp = { install_info = install_info(opts), tier = 2 }
    end
    add()
    vim.api.nvim_create_autocmd("User", { pattern = "TSUpdate", callback = add })
  end
  return true
end

function M.setup(opts)
  opts = opts or {}
  vim.filetype.add({ extension = { bcp = "bcp" } })
  register_parser(opts)
end

-- Compiles grammar/src/parser.c into <plugin>/parser/bcp.so, where Neovim
-- looks for parsers on 'runtimepath': no nvim-treesitter needed.
function M.build_parser()
  local src = M.repository_dir() .. "/grammar/src"
  local out_dir = plugin_dir() .. "/parser"
  vim.fn.mkdir(out_dir, "p")
  local cc = vim.env.CC or "cc"
  local cmd = { cc, "-O2", "-shared", "-fPIC", "-I", src, src .. "/parser.c", "-o", out_dir .. "/bcp.so" }
  local output = vim.fn.system(cmd)
  if vim.v.shell_error ~= 0 then
    vim.notify("bcp: building the parser failed:\n" .. output, vim.log.levels.ERROR)
    return false
  end
  vim.notify("bcp: parser installed in " .. out_dir .. "/bcp.so; reopen .bcp files to highlight them")
  return true
end

return M
