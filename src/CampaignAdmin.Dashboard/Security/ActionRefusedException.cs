using CampaignAdmin.Client;
using CampaignAdmin.Dashboard.Text;

namespace CampaignAdmin.Dashboard.Security;

/// <summary>The dashboard refused an action before calling the API: the role does not allow it or the state forbids it.</summary>
/// <remarks>
/// <see cref="Exception.Message"/> is English, for the audit log and the logs; <see cref="Shown"/> is the page's language: the
/// one given, else the message's translation (every constant refusal sentence is in ActionRefusedException.ar.resx).
/// </remarks>
public sealed class ActionRefusedException(string message, string? shown = null) : Exception(message)
{
    public string Shown { get; } = shown ?? Show(message);

    /// <summary>A refusal sentence (English, as written to the audit log) in the page's language; unknown ones stay English.</summary>
    public static string Show(string english) => Localized.Text(typeof(ActionRefusedException), english);
}

public static class ActionErrors
{
    /// <summary>Like <see cref="ApiErrors.Describe"/> (the API's text, kept as it is), plus the dashboard's own refusals, translated.</summary>
    public static string Describe(Exception exception) =>
        exception is ActionRefusedException refused ? refused.Shown : ApiErrors.Describe(exception);
}
