-- End-to-end probe of `strata lsp` with a real client: Neovim 0.7.2, headless, APIs of 0.7 only
-- (vim.lsp.start_client, buf_attach_client, buf_request_sync, util.apply_workspace_edit).
-- Started by run.sh as: nvim --headless -u NONE -c 'luafile probe.lua' <repo>/<ceph-csi ks.yaml>
-- Environment: STRATA_REPO (a scratch copy of examples/broken), STRATA_JAR or STRATA_CLASSPATH, JAVA (optional).
-- Prints one line per step; ends with `qall!` (exit 0) or `cquit` (exit 1) at the first failure.

local TIMEOUT = 60000
local repo = assert(os.getenv('STRATA_REPO'), 'STRATA_REPO is not set')
local java = os.getenv('JAVA') or 'java'
-- The server runs from the jar, or from a class path (the JUnit wrapper runs before the jar is packaged).
local classpath = os.getenv('STRATA_CLASSPATH')
local cmd = classpath and { java, '-cp', classpath, 'dev.strata.cli.Main', 'lsp' }
  or { java, '-jar', assert(os.getenv('STRATA_JAR'), 'STRATA_JAR or STRATA_CLASSPATH must be set'), 'lsp' }
local ks = repo .. '/kubernetes/apps/storage/ceph-csi/ks.yaml'
local other = repo .. '/kubernetes/apps/external-secrets/external-secrets/ks.yaml'
local externalsecret = repo .. '/kubernetes/apps/storage/ceph-csi/app/externalsecret.yaml'

local function say(message)
  io.stdout:write('probe: ' .. message .. '\n')
end

local function fail(message)
  io.stdout:write('probe: FAILED: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local diagnostics = {}
local function codes(uri)
  local result = {}
  for _, d in ipairs(diagnostics[uri] or {}) do
    result[d.code] = true
  end
  return result
end

local capabilities = vim.lsp.protocol.make_client_capabilities()
-- Neovim 0.7 applies documentChanges (text edits and create/rename/delete) but does not announce it.
capabilities.workspace.workspaceEdit.documentChanges = true

local client_id = vim.lsp.start_client({
  name = 'strata',
  cmd = cmd,
  root_dir = repo,
  workspace_folders = { { uri = vim.uri_from_fname(repo), name = 'broken' } },
  init_options = { debounceMs = 50 },
  capabilities = capabilities,
  flags = { debounce_text_changes = 20 },
  handlers = {
    ['textDocument/publishDiagnostics'] = function(_, result)
      diagnostics[result.uri] = result.diagnostics
    end,
  },
  on_exit = function(code)
    if code ~= 0 then
      say('server exited with ' .. code)
    end
  end,
})
if not client_id then
  fail('the server did not start')
end

local buffer = vim.api.nvim_get_current_buf()
if vim.api.nvim_buf_get_name(buffer) ~= ks then
  fail('run.sh must open ' .. ks .. ', not ' .. vim.api.nvim_buf_get_name(buffer))
end
vim.lsp.buf_attach_client(buffer, client_id)

-- Step 1: a cycle reported on a file this editor never opened.
local other_uri = vim.uri_from_fname(other)
if not vim.wait(TIMEOUT, function() return codes(other_uri)['dependency-cycle'] end, 20) then
  fail('no dependency-cycle diagnostic on ' .. other)
end
say('dependency-cycle reported on the unopened ' .. other)

-- Step 2: delete the dependsOn block of the opened file; the cycle in the other file clears.
local lines = vim.api.nvim_buf_get_lines(buffer, 0, -1, false)
local first, last
for i, line in ipairs(lines) do
  if line:match('^  dependsOn:') then
    first = i
  elseif first and not last and not line:match('^    ') then
    last = i - 1
  end
end
if not first or not last then
  fail('no dependsOn block in ' .. ks)
end
vim.api.nvim_buf_set_lines(buffer, first - 1, last, false, {})
if not vim.wait(TIMEOUT, function() return diagnostics[other_uri] and not codes(other_uri)['dependency-cycle'] end, 20) then
  fail('the dependency-cycle diagnostic on ' .. other .. ' did not clear after the edit')
end
say('dependency-cycle cleared after removing dependsOn from the open buffer')

-- Step 3: on the ExternalSecret, apply "Convert to SOPS Secret" and check the disk.
vim.cmd('edit ' .. vim.fn.fnameescape(externalsecret))
local es_buffer = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(es_buffer, client_id)
local es_uri = vim.uri_from_fname(externalsecret)
vim.wait(2000, function() return diagnostics[es_uri] ~= nil end, 20)
local params = {
  textDocument = { uri = es_uri },
  range = { start = { line = 0, character = 0 }, ['end'] = { line = vim.api.nvim_buf_line_count(es_buffer), character = 0 } },
  context = { diagnostics = diagnostics[es_uri] or {} },
}
local responses = vim.lsp.buf_request_sync(es_buffer, 'textDocument/codeAction', params, TIMEOUT)
local titles, chosen = {}, nil
for _, response in pairs(responses or {}) do
  if response.err then
    fail('codeAction failed: ' .. vim.inspect(response.err))
  end
  for _, action in ipairs(response.result or {}) do
    table.insert(titles, action.title)
    if not chosen and action.title:find('Convert to SOPS Secret', 1, true) == 1 and action.edit then
      chosen = action
    end
  end
end
if not chosen then
  fail('the server offered no "Convert to SOPS Secret" action on ' .. externalsecret .. '; offered: ' .. vim.inspect(titles))
end
vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
vim.cmd('silent wall')
local directory = vim.fn.fnamemodify(externalsecret, ':h')
local stubs = vim.fn.glob(directory .. '/*.sops.yaml', false, true)
if #stubs == 0 then
  fail('no *.sops.yaml beside ' .. externalsecret .. ' after "' .. chosen.title .. '"')
end
local kustomization = table.concat(vim.fn.readfile(directory .. '/kustomization.yaml'), '\n')
if kustomization:find('externalsecret.yaml', 1, true) or not kustomization:find('.sops.yaml', 1, true) then
  fail('kustomization.yaml was not changed to list the SOPS Secret:\n' .. kustomization)
end
say('applied "' .. chosen.title .. '": ' .. stubs[1] .. ' written, kustomization.yaml updated')

say('all steps passed')
vim.cmd('qall!')
