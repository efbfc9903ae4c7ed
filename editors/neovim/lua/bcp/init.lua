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

-- The language server: `bcp lsp` attached to every bcp buffer, with Neovim's
-- built-in client (0.7+).  opts.cmd: the command (default { "bcp", "lsp" });
-- opts.root_dir (default: the current directory); opts.init_options (e.g.
-- { today = "2026-12-01" }).  Returns a function giving the client's id.
function M.start_lsp(opts)
  opts = opts or {}
  local client_id
  local function attach(buf)
    if not client_id or not vim.lsp.get_client_by_id(client_id) then
      client_id = vim.lsp.start_client({
        name = "bcp",
        cmd = opts.cmd or { "bcp", "lsp" },
        root_dir = opts.root_dir or vim.fn.getcwd(),
        init_options = opts.init_options,
      })
    end
    if client_id then
      vim.lsp.buf_attach_client(buf, client_id)
    end
  end
  vim.api.nvim_create_autocmd("FileType", {
    pattern = "bcp",
    callback = function(args) attach(args.buf) end,
  })
  if vim.bo.filetype == "bcp" then
    attach(vim.api.nvim_get_current_buf())
  end
  return function() return client_id end
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
