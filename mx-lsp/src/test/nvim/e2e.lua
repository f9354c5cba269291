-- End-to-end test of the mx language server in a real Neovim (0.7+), run headless by
-- MxNeovimE2EIT:
--
--   nvim --headless -u NONE -i NONE -n -c 'luafile e2e.lua'
--
-- Environment: MX_JAVA (java binary), MX_LSP_JAR (the shaded server jar), MX_LSP_LOG (server log),
-- MX_E2E_PROJECT (a project with .mx/ and a devspace.yaml that has mistakes), MX_E2E_GENERATORS
-- (a folder holding the test generators hello and hello-flat), MX_E2E_RESULT (file this script
-- writes: one "ok <step>" or "fail <step>: <why>" line per step, then "done").
--
-- Only Neovim 0.7 APIs: vim.lsp.start_client + buf_attach_client, buf_request_sync,
-- client.request_sync, vim.lsp.util.apply_workspace_edit. The steps do what the user's commands
-- (completion, vim.lsp.buf.code_action, :wall) do, without the interactive menus.

local results = {}
local env = function(name)
  local v = os.getenv(name)
  assert(v and v ~= '', name .. ' is not set')
  return v
end
local result_file = env('MX_E2E_RESULT')
local project = env('MX_E2E_PROJECT')
local TIMEOUT = 30000

local function record(line)
  table.insert(results, line)
  vim.fn.writefile(results, result_file)
end

local function read(path)
  local f = io.open(path, 'r')
  if not f then return nil end
  local s = f:read('*a')
  f:close()
  return s
end

-- Runs one step; a failure is recorded and the next steps still run.
local function step(name, fn)
  local ok, err = pcall(fn)
  if ok then
    record('ok ' .. name)
  else
    record('fail ' .. name .. ': ' .. tostring(err):gsub('\n', ' '))
  end
end

local client_id, buf, client

local function request(method, params)
  local responses, err = vim.lsp.buf_request_sync(buf, method, params, TIMEOUT)
  assert(responses, method .. ': ' .. tostring(err))
  local r = responses[client_id]
  assert(r, method .. ': no answer from mx')
  assert(not r.error, method .. ': ' .. vim.inspect(r.error))
  return r.result
end

local function diagnostics_with(code)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    if lsp.code == code then table.insert(out, d) end
  end
  return out
end

-- What vim.lsp.buf.code_action() does once the user picked an action: resolve it when it has no
-- edit, apply the edit, run the command.
local function apply_code_action(action)
  if not action.edit and not action.command then
    local r = client.request_sync('codeAction/resolve', action, TIMEOUT, buf)
    assert(r and not r.err, 'codeAction/resolve: ' .. vim.inspect(r and r.err))
    action = r.result
  end
  if action.edit then
    vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  end
  if action.command then
    local command = type(action.command) == 'table' and action.command or action
    local r = client.request_sync('workspace/executeCommand',
      { command = command.command, arguments = command.arguments }, TIMEOUT, buf)
    assert(r and not r.err, 'executeCommand: ' .. vim.inspect(r and r.err))
    assert(r.result and r.result.applied, 'executeCommand: ' .. vim.inspect(r.result))
  end
  return action
end

local function code_actions(line, character, diagnostics)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = line, character = character }, ['end'] = { line = line, character = character } },
    context = { diagnostics = diagnostics or {} },
  }
  return request('textDocument/codeAction', params) or {}
end

local function find_action(actions, prefix)
  for _, a in ipairs(actions) do
    if a.title:sub(1, #prefix) == prefix then return a end
  end
  local titles = {}
  for _, a in ipairs(actions) do table.insert(titles, a.title) end
  error('no action "' .. prefix .. '" among: ' .. table.concat(titles, ' | '))
end

local function main()
  step('start', function()
    client_id = vim.lsp.start_client({
      name = 'mx',
      cmd = { env('MX_JAVA'), '-jar', env('MX_LSP_JAR'), '--log-file', env('MX_LSP_LOG') },
      root_dir = project,
      init_options = { mx = { generatorPath = { env('MX_E2E_GENERATORS') } } },
      on_init = function(c)
        -- Neovim 0.7 sends no settings by itself
        c.notify('workspace/didChangeConfiguration',
          { settings = { mx = { generatorPath = { env('MX_E2E_GENERATORS') } } } })
      end,
    })
    assert(client_id, 'start_client failed')
    vim.cmd('edit ' .. vim.fn.fnameescape(project .. '/devspace.yaml'))
    buf = vim.api.nvim_get_current_buf()
    assert(vim.lsp.buf_attach_client(buf, client_id), 'buf_attach_client failed')
    assert(vim.wait(TIMEOUT, function()
      client = vim.lsp.get_client_by_id(client_id)
      return client ~= nil and client.initialized
    end, 20), 'the server did not initialize')
  end)

  step('diagnostics', function()
    assert(vim.wait(TIMEOUT, function() return #diagnostics_with('devspace/unknown-key') > 0 end, 20),
      'no devspace/unknown-key diagnostic; got ' .. vim.inspect(vim.diagnostic.get(buf)))
    local d = diagnostics_with('devspace/unknown-key')[1]
    assert(d.lnum == 2 and d.col == 0 and d.end_col == 7, 'wrong place: ' .. vim.inspect(d))
    assert(d.source == 'mx', 'source: ' .. tostring(d.source))
  end)

  step('completion', function()
    -- line 9 is blank, indented inside the dev entry 'app'
    local result = request('textDocument/completion',
      { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 8, character = 4 } })
    local items = result and (result.items or result) or {}
    local labels = {}
    for _, i in ipairs(items) do
      labels[i.label] = true
      assert(i.insertTextFormat ~= 2, 'a snippet for a client without snippet support: ' .. i.label)
    end
    assert(labels['ports'], 'no "ports" among ' .. vim.inspect(vim.tbl_keys(labels)))
  end)

  step('hover', function()
    local result = request('textDocument/hover',
      { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 7, character = 6 } })
    assert(result and result.contents, 'no hover on imageSelector')
    local lines = vim.lsp.util.convert_input_to_markdown_lines(result.contents)
    assert(table.concat(lines, '\n'):lower():find('pod'), 'hover: ' .. table.concat(lines, '\n'))
  end)

  step('quickfix', function()
    local context = vim.lsp.diagnostic.get_line_diagnostics(buf, 2)
    local action = find_action(code_actions(2, 0, context), "Rename to 'images'")
    apply_code_action(action)
    local line = vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1]
    assert(line == 'images:', 'line 3 after the fix: ' .. tostring(line))
    assert(vim.wait(TIMEOUT, function() return #diagnostics_with('devspace/unknown-key') == 0 end, 20),
      'the diagnostic did not go away after the fix')
    vim.cmd('write')
  end)

  step('apply-generator-edit', function()
    -- in the deployments section: a generator whose files all go to existing folders comes back
    -- from codeAction/resolve as one workspace edit, applied to buffers and written with :wall
    local action = find_action(code_actions(13, 4), 'Apply generator hello-flat:')
    local applied = apply_code_action(action)
    assert(applied.edit, 'expected a workspace edit, got ' .. vim.inspect(applied))
    vim.cmd('silent wall')
    local manifest = read(project .. '/hello-flat.yaml')
    assert(manifest and manifest:find('greeting: "hello from demo"', 1, true), 'hello-flat.yaml: ' .. tostring(manifest))
    local devspace = read(project .. '/devspace.yaml')
    assert(devspace:find('\n  hello%-flat:\n    kubectl:'), 'devspace.yaml: ' .. devspace)
    assert(devspace:find('\nimages:\n'), 'the quick fix was kept: ' .. devspace)
    assert(read(project .. '/.mx/state.yaml'):find('id: hello%-flat'), 'state.yaml records hello-flat')
  end)

  step('apply-generator-command', function()
    -- a generator with a file in a new folder: Neovim 0.7 cannot create folders, so the
    -- server writes the files itself through the mx.applyGenerator command
    local action = find_action(code_actions(13, 4), 'Apply generator hello:')
    local applied = apply_code_action(action)
    assert(applied.command and not applied.edit, 'expected the command, got ' .. vim.inspect(applied))
    assert(read(project .. '/notes/readme.md') == 'notes\n', 'notes/readme.md')
    assert(read(project .. '/hello.yaml'), 'hello.yaml')
    vim.cmd('checktime')
    local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
    assert(text:find('\n  hello:\n    kubectl:'), 'buffer reloaded with the new deployment: ' .. text)
  end)

  step('stop', function()
    vim.lsp.stop_client(client_id)
    assert(vim.wait(TIMEOUT, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20),
      'the client did not stop')
  end)
end

local ok, err = pcall(main)
if not ok then
  record('fail script: ' .. tostring(err):gsub('\n', ' '))
end
record('done')
vim.cmd('qall!')
