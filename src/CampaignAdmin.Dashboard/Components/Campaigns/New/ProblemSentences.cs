using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
using CampaignAdmin.Dashboard.Text;
using FluentValidation.Results;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

/// <summary>
/// Turns the shared rules' failures (the API's exact texts, which stay on the wire) into sentences for people, keeping the
/// rule to show underneath: <c>invalid request: invalid accountID "+96653907"</c> reads "+96653907 is too short to be a
/// Saudi number."
/// </summary>
public static class ProblemSentences
{
    public static List<BuilderProblem> Describe(IEnumerable<ValidationFailure> failures, CreateCampaignRequest request, string region, int variableCount)
    {
        var firstRowOf = FirstRowOf(request, region);
        return failures.Select(f => Describe(f.PropertyName, f.ErrorMessage, request, region, variableCount, firstRowOf)).ToList();
    }

    /// <param name="firstRowOf">The row an E.164 number first appears on (a duplicate's sentence names it); by default the rows are read.</param>
    public static BuilderProblem Describe(string field, string rule, CreateCampaignRequest request, string region, int variableCount,
        Func<string, int?>? firstRowOf = null)
    {
        firstRowOf ??= FirstRowOf(request, region);
        var row = RowOf(field);
        var client = row is { } r && r < request.Clients.Count ? request.Clients[r] : null;
        BuilderProblem Problem(BuilderProblemKind kind, string sentence) => new(field, row, kind, sentence, rule);

        switch (rule)
        {
            case ErrorTexts.NameRequired: return Problem(BuilderProblemKind.NoName, Localized.Text(typeof(ProblemSentences), "Give the campaign a name."));
            case ErrorTexts.NameTooLong:
                return Problem(BuilderProblemKind.NameTooLong, Localized.Format(typeof(ProblemSentences), "The name is too long: at most {0} characters.", CreateCampaignRequestValidator.MaxNameLength));
            case ErrorTexts.AtLeastTwoClients:
                return Problem(BuilderProblemKind.TooFewRecipients, request.Clients.Count == 1
                    ? Localized.Text(typeof(ProblemSentences), "Add one more recipient: a campaign goes to at least 2.")
                    : Localized.Text(typeof(ProblemSentences), "Add at least 2 recipients."));
            case ErrorTexts.JsonOrTemplateRequired: return Problem(BuilderProblemKind.NoTemplate, Localized.Text(typeof(ProblemSentences), "Choose a template (or write your own JSON under Advanced)."));
            case ErrorTexts.TemplateNotFound:
                return Problem(BuilderProblemKind.TemplateNotFound, Localized.Text(typeof(ProblemSentences), "This template cannot be used: it is unknown or not approved yet. Choose another one."));
            case ErrorTexts.TooManyVariables: return Problem(BuilderProblemKind.TooManyVariables, Localized.Text(typeof(ProblemSentences), "The JSON under Advanced has more than 1,000 variables."));
            case ErrorTexts.NotEnoughParams:
                return Problem(BuilderProblemKind.NotEnoughValuesForJson, Localized.Text(typeof(ProblemSentences), "Row 1 has fewer values than the JSON under Advanced has variables."));
            case ErrorTexts.ParamsForAllVariables when client is not null:
                var count = client.Params.Count;
                return count < variableCount
                    ? Problem(BuilderProblemKind.MissingValues, Localized.Format(typeof(ProblemSentences), "Row {0} is missing {1}: the template has {2}.", row + 1, Counted(variableCount - count, "value"), Counted(variableCount, "variable")))
                    : Problem(BuilderProblemKind.ExtraValues, Localized.Format(typeof(ProblemSentences), "Row {0} has {1} more than the template has variables ({2}).", row + 1, Counted(count - variableCount, "value"), variableCount));
            case ErrorTexts.SendAtFormat: return Problem(BuilderProblemKind.Schedule, Localized.Text(typeof(ProblemSentences), "Pick the date and time to send, or choose Send now."));
        }
        if (client is not null && rule == ErrorTexts.InvalidAccountId(client.AccountId))
        {
            var verdict = PhoneProblems.Judge(client.AccountId, region);
            return Problem(KindOf(verdict.Issue), verdict.Sentence);
        }
        if (client is not null && rule == ErrorTexts.DuplicateAccountId(client.AccountId))
        {
            var first = AccountIds.Normalize(client.AccountId, region) is { } e164 ? firstRowOf(e164) : null;
            return Problem(BuilderProblemKind.Duplicate, first is { } f && f != row
                ? Localized.Format(typeof(ProblemSentences), "{0} is already on row {1}: each number gets the message once.", client.AccountId.Trim(), f + 1)
                : Localized.Format(typeof(ProblemSentences), "{0} is already in the list: each number gets the message once.", client.AccountId.Trim()));
        }
        return Problem(BuilderProblemKind.Other, rule);
    }

    public static BuilderProblemKind KindOf(PhoneIssue issue) => issue switch
    {
        PhoneIssue.Blank => BuilderProblemKind.NoNumber,
        PhoneIssue.NotANumber => BuilderProblemKind.NotANumber,
        PhoneIssue.TooShort => BuilderProblemKind.TooShort,
        PhoneIssue.TooLong => BuilderProblemKind.TooLong,
        PhoneIssue.WrongLength => BuilderProblemKind.WrongLength,
        PhoneIssue.UnknownCountryCode => BuilderProblemKind.UnknownCountryCode,
        _ => BuilderProblemKind.NotValid,
    };

    /// <summary>"Clients[3].AccountID" → 3.</summary>
    public static int? RowOf(string field)
    {
        if (!field.StartsWith("Clients[", StringComparison.Ordinal)) return null;
        var end = field.IndexOf(']');
        return end > 8 && int.TryParse(field.AsSpan(8, end - 8), out var row) ? row : null;
    }

    // "1 value", "3 values" in the viewer's language: each form is its own key.
    private static string Counted(int count, string noun) =>
        count == 1 ? Localized.Text(typeof(ProblemSentences), "1 " + noun) : Localized.Format(typeof(ProblemSentences), "{0:N0} " + noun + "s", count);

    // Only read when some number repeats: the row each E.164 number first appears on.
    private static Func<string, int?> FirstRowOf(CreateCampaignRequest request, string region)
    {
        var rows = new Lazy<Dictionary<string, int>>(() =>
        {
            var firsts = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < request.Clients.Count; i++)
                if (AccountIds.Normalize(request.Clients[i].AccountId, region) is { } e164) firsts.TryAdd(e164, i);
            return firsts;
        });
        return e164 => rows.Value.TryGetValue(e164, out var row) ? row : null;
    }
}
