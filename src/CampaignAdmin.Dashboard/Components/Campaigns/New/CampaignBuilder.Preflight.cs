using CampaignAdmin.Dashboard.Preflight;
using CampaignAdmin.Dashboard.Security;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

/// <summary>The builder's part of the pre-flight check: run on demand or by Create, never per keystroke.</summary>
public partial class CampaignBuilder
{
    private PreflightReport? _preflight;
    private bool _checking;
    // Create ran the check and it warned: said above the list; the next press of Create, on the same version, sends.
    private bool _confirmWarnings;

    private bool PreflightStale => _preflight is not null && _preflight.DraftVersion != Draft.Version;

    private async Task<PreflightReport?> CheckAsync()
    {
        if (_checking) return null;
        _checking = true;
        _confirmWarnings = false;
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
    /// campaign, with nothing blocking. A check Create had to run itself shows its warnings first; the next press sends.
    /// </summary>
    private async Task<bool> PreflightAllowsAsync()
    {
        if (_preflight is not null && !PreflightStale) return !_preflight.Blocks;
        var report = await CheckAsync();
        if (report is null || report.Blocks) return false;
        _confirmWarnings = report.Warnings.Any();
        return !_confirmWarnings;
    }
}
