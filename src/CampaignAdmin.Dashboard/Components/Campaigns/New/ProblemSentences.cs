using CampaignAdmin.Contracts.Campaigns;
using CampaignAdmin.Contracts.Validation;
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
            case ErrorTexts.NameRequired: return Problem(BuilderProblemKind.NoName, "Give the campaign a name.");
            case ErrorTexts.NameTooLong:
                return Problem(BuilderProblemKind.NameTooLong, $"The name is too long: at most {CreateCampaignRequestValidator.MaxNameLength} characters.");
            case ErrorTexts.AtLeastTwoClients:
                return Problem(BuilderProblemKind.TooFewRecipients, request.Clients.Count == 1
                    ? "Add one more recipient: a campaign goes to at least 2."
                    : "Add at least 2 recipients.");
            case ErrorTexts.JsonOrTemplateRequired: return Problem(BuilderProblemKind.NoTemplate, "Choose a template (or write your own JSON under Advanced).");
            case ErrorTexts.TemplateNotFound:
                return Problem(BuilderProblemKind.TemplateNotFound, "This template cannot be used: it is unknown or not approved yet. Choose another one.");
            case ErrorTexts.TooManyVariables: return Problem(BuilderProblemKind.TooManyVariables, "The JSON under Advanced has more than 1,000 variables.");
            case ErrorTexts.NotEnoughParams:
                return Problem(BuilderProblemKind.NotEnoughValuesForJson, "Row 1 has fewer values than the JSON under Advanced has variables.");
            case ErrorTexts.ParamsForAllVariables when client is not null:
                var count = client.Params.Count;
                return count < variableCount
                    ? Problem(BuilderProblemKind.MissingValues, $"Row {row + 1} is missing {Count(variableCount - count, "value")}: the template has {Count(variableCount, "variable")}.")
                    : Problem(BuilderProblemKind.ExtraValues, $"Row {row + 1} has {Count(count - variableCount, "value")} more than the template has variables ({variableCount}).");
            case ErrorTexts.SendAtFormat: return Problem(BuilderProblemKind.Schedule, "Pick the date and time to send, or choose Send now.");
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
                ? $"{client.AccountId.Trim()} is already on row {f + 1}: each number gets the message once."
                : $"{client.AccountId.Trim()} is already in the list: each number gets the message once.");
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

    public static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count:N0} {noun}s";

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
