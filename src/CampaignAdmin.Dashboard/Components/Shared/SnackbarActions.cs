using CampaignAdmin.Dashboard.Security;
using MudBlazor;

namespace CampaignAdmin.Dashboard.Components.Shared;

public static class SnackbarActions
{
    /// <summary>
    /// Runs a user's action; a refusal or failure is said in an error snackbar (the dashboard's own words, or the API's
    /// reason) instead of escaping to the circuit. True when the action completed.
    /// </summary>
    public static async Task<bool> TryAsync(this ISnackbar snackbar, Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            snackbar.Add(ActionErrors.Describe(exception), Severity.Error);
            return false;
        }
    }
}
