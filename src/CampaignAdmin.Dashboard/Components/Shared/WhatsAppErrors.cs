using CampaignAdmin.Dashboard.Text;

namespace CampaignAdmin.Dashboard.Components.Shared;

/// <summary>Plain-language explanations of the WhatsApp error codes a campaign's messages commonly fail with.</summary>
public static class WhatsAppErrors
{
    private static readonly Dictionary<int, string> Explanations = new()
    {
        [100] = "WhatsApp rejected a parameter of the request: check the template's values.",
        [368] = "The sending number is temporarily blocked for policy violations.",
        [130429] = "Too many messages per second: WhatsApp's rate limit was hit. Resend in a moment.",
        [130472] = "WhatsApp held this message back as part of an experiment on marketing messages.",
        [131000] = "Something went wrong at WhatsApp. Resending usually works.",
        [131005] = "The sending number lacks permission for this action.",
        [131008] = "A required parameter is missing.",
        [131009] = "A parameter value is not valid (for example a malformed URL).",
        [131021] = "The recipient is the sending number itself.",
        [131026] = "Undeliverable: the number is not on WhatsApp, has not accepted the latest terms, or uses an old app version.",
        [131031] = "The sending account is locked.",
        [131042] = "A payment problem on the WhatsApp Business account.",
        [131047] = "More than 24 hours passed since the customer last replied, so only an approved template may be sent.",
        [131048] = "Spam rate limit: too many of this number's messages were blocked or reported.",
        [131049] = "WhatsApp chose not to deliver this marketing message to keep the customer's experience healthy. Try again later.",
        [131051] = "This message type is not supported.",
        [131052] = "The media file could not be downloaded from the customer's message.",
        [131053] = "The header media could not be uploaded or used: check its URL and type.",
        [131056] = "Too many messages to the same customer in a short time.",
        [132000] = "The number of parameters does not match the template's variables.",
        [132001] = "The template does not exist in this language, or is not approved yet.",
        [132005] = "The text is too long once the parameters are filled in.",
        [132007] = "The text breaks WhatsApp's formatting rules for templates.",
        [132012] = "A parameter does not have the format the template expects (for example the header media type).",
        [132018] = "A parameter has a line break, a tab or more than four spaces in a row, which WhatsApp does not allow.",
        [132015] = "The template is paused because of low quality.",
        [132016] = "The template is disabled because of low quality.",
    };

    /// <summary>What a failure means for one recipient, said of them; codes without an entry use their explanation.</summary>
    private static readonly Dictionary<int, Func<string, string>> ForOneRecipient = new()
    {
        [130429] = _ => "WhatsApp's rate limit was hit; resend in a moment",
        [131000] = n => $"something went wrong at WhatsApp sending to {n}; resending usually works",
        [131021] = n => $"{n} is the sending number itself",
        [131026] = n => $"{n} isn't on WhatsApp",
        [131047] = n => $"more than 24 hours passed since {n} last replied, so only an approved template can be sent",
        [131049] = n => $"WhatsApp held this marketing message back from {n} for now; try again later",
        [131056] = n => $"too many messages went to {n} in a short time; try again later",
    };

    /// <summary>"+966… isn't on WhatsApp (131026)": what a provider's failure means for this recipient, with its code.</summary>
    public static string ForRecipient(int code, string accountId)
    {
        var who = string.IsNullOrWhiteSpace(accountId) ? "the recipient" : accountId;
        var text = ForOneRecipient.TryGetValue(code, out var say) ? say(who)
            : Explanations.TryGetValue(code, out var explained) ? explained.TrimEnd('.')
            : "WhatsApp refused the message";
        return $"{text} ({code})";
    }

    /// <summary>The provider's code at the start of an error such as <c>(131026) Message undeliverable</c> or <c>(#131026) …</c>, else 0.</summary>
    public static int CodeIn(string? error)
    {
        var match = error is null ? null : System.Text.RegularExpressions.Regex.Match(error, @"^\s*\(#?(\d{1,9})\)");
        return match is { Success: true } && int.TryParse(match.Groups[1].Value, out var code) ? code : 0;
    }

    public const string OutcomeUnknownText = "outcome unknown";

    /// <summary>
    /// Nobody knows whether the message reached the customer: the API's error starts with <c>outcome unknown</c>
    /// (docs/SENDING.md, "Outcome unknown"). A resend may then deliver it twice.
    /// </summary>
    public static bool IsOutcomeUnknown(string? error) =>
        error is not null && error.TrimStart().StartsWith(OutcomeUnknownText, StringComparison.OrdinalIgnoreCase);

    /// <summary>What a failure means for the person looking at it, in the page's language; empty when there is nothing to explain.</summary>
    public static string Explain(int code, string error) => ExplainInEnglish(code, error) is { Length: > 0 } text ? Localized.Text(typeof(WhatsAppErrors), text) : "";

    private static string ExplainInEnglish(int code, string error)
    {
        if (IsOutcomeUnknown(error))
            return "We cannot tell whether WhatsApp received this message (the connection dropped mid-send). " +
                   "It was not retried automatically, so the customer gets at most one copy; resend if you accept the risk of a duplicate.";
        if (Explanations.TryGetValue(code, out var text)) return text;
        return code == 0 && string.IsNullOrWhiteSpace(error) ? "" : "WhatsApp reported an error this dashboard has no explanation for.";
    }
}
