using CampaignAdmin.Contracts.Templates;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New.Import;

/// <summary>
/// Where <see cref="RememberedMapping"/>s are kept: the person's browser (the grid's script module, localStorage). Remembering is
/// a convenience: a browser without storage, a closed page or a signed-out user just does not remember, and the import goes on.
/// </summary>
public sealed class MappingMemory(IJSRuntime js, AuthenticationStateProvider authentication) : IAsyncDisposable
{
    private readonly GridScript _script = new(js);

    public async Task<RememberedMapping?> LoadAsync(TemplateDto? template) =>
        RememberedMapping.FromJson(await CallAsync(template, (script, key) => script.InvokeAsync<string?>("load", key).AsTask()));

    public Task SaveAsync(TemplateDto? template, RememberedMapping mapping) =>
        CallAsync(template, async (script, key) => { await script.InvokeVoidAsync("save", key, mapping.ToJson()); return null; });

    private async Task<string?> CallAsync(TemplateDto? template, Func<IJSObjectReference, string, Task<string?>> call)
    {
        try
        {
            if (RememberedMapping.KeyFor((await authentication.GetAuthenticationStateAsync()).User, template) is not { } key) return null;
            return await _script.ModuleAsync() is { } module ? await call(module, key) : null;
        }
        catch (Exception exception) when (exception is JSException or JSDisconnectedException or InvalidOperationException or TaskCanceledException)
        {
            return null;
        }
    }

    public ValueTask DisposeAsync() => _script.DisposeAsync();
}
