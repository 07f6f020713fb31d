using Microsoft.JSInterop;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

/// <summary>
/// The grid's script (recipients-grid.js, a module under /assets: the cell paste, the paste box's text, jumps to a problem,
/// remembered mappings), imported on first use by each part that calls it and let go with it.
/// </summary>
public sealed class GridScript(IJSRuntime js) : IAsyncDisposable
{
    public const string Path = "./assets/recipients-grid.js";

    private IJSObjectReference? _module;

    /// <summary>The module, or <c>null</c> where there is no script (a test renderer).</summary>
    public async Task<IJSObjectReference?> ModuleAsync() => _module ??= await js.InvokeAsync<IJSObjectReference>("import", Path);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the module with it.
        }
    }
}
