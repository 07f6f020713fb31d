using CampaignAdmin.Client;

namespace CampaignAdmin.Dashboard.Security;

/// <summary>The dashboard refused an action before calling the API: the role does not allow it or the state forbids it.</summary>
public sealed class ActionRefusedException(string message) : Exception(message);

public static class ActionErrors
{
    /// <summary>Like <see cref="ApiErrors.Describe"/>, plus the dashboard's own refusals.</summary>
    public static string Describe(Exception exception) =>
        exception is ActionRefusedException refused ? refused.Message : ApiErrors.Describe(exception);
}
