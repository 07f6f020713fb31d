using CampaignAdmin.Dashboard.Preflight;
using CampaignAdmin.Dashboard.Security;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

/// <summary>The builder's part of the pre-flight check: run on demand or by Create, never per keystroke.</summary>
public partial class CampaignBuilder
{
    private PreflightReport? _preflight;
    private bool _checking;

    private bool PreflightStale => _preflight is not null && _preflight.DraftVersion != Draft.Version;

    private async Task<PreflightReport?> CheckAsync()
    {
        if (_checking) return null;
        _checking = true;
        StateHasChanged();
        try
        {
            var version = Draft.Version;
            var request = RecipientRows.WithE164Numbers(Draft.Sync(), _problems.Region);
            _preflight = await Preflight.RunAsync(request, _problems.Region) with { DraftVersion = version };
            return _preflight;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _submitError = $"The pre-flight check could not run: {ActionErrors.Describe(exception)}";
            return null;
        }
        finally
        {
            _checking = false;
        }
    }

    /// <summary>
    /// Before Create calls the create action (which runs the check again, server side): a check of this very version of the
    /// campaign, with nothing blocking. Warnings do not stop it: they are for the person who asks (Check before sending),
    /// and a create that goes ahead leaves the page.
    /// </summary>
    private async Task<bool> PreflightAllowsAsync()
    {
        var report = _preflight is not null && !PreflightStale ? _preflight : await CheckAsync();
        return report is { Blocks: false };
    }
}
