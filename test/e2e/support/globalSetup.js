// Builds the Custom UI once before the browser tests, the same way `npm start` does.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = async () => {
  const repo = path.resolve(__dirname, '../../..');
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  execFileSync(
    process.execPath,
    [vite, 'build', '--config', path.join(repo, 'static/structure-ui/vite.config.mts'), '--logLevel', 'error'],
    {
      cwd: repo,
      stdio: 'inherit',
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    },
  );
};
