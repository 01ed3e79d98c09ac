// GraphiQL with the gateway key: every request the IDE makes carries "Authorization: Bearer <key>". The key is the
// one the console signed in with (same tab, sessionStorage) or the one typed in the bar above; it never leaves the tab.
(function () {
  var KEY_ITEM = 'cbk.console.key';
  var input = document.getElementById('gateway-key');
  var state = document.getElementById('key-state');

  function showState() {
    state.textContent = sessionStorage.getItem(KEY_ITEM) ? 'Requests carry your key.' : 'No key yet: requests get 401.';
  }

  document.getElementById('key-bar').addEventListener('submit', function (event) {
    event.preventDefault();
    if (input.value.trim()) {
      sessionStorage.setItem(KEY_ITEM, input.value.trim());
    } else {
      sessionStorage.removeItem(KEY_ITEM);
    }
    input.value = '';
    showState();
  });

  var endpoint = new URL('../graphql', location.href).toString();
  var fetcher = function (params, options) {
    var key = sessionStorage.getItem(KEY_ITEM);
    var headers = key ? { Authorization: 'Bearer ' + key } : {};
    return GraphiQL.createFetcher({ url: endpoint, headers: headers })(params, options);
  };
  showState();
  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: true,
    defaultQuery: '# The gateway\'s API. Sign in above (or in the console), then run:\n'
      + '{\n  llmProviders { id name healthStatus { isHealthy } models { id costPerInputToken costPerOutputToken } }\n}\n',
  }));
})();
