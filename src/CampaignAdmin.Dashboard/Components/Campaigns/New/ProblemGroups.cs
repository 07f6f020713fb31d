using CampaignAdmin.Dashboard.Text;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

/// <summary>Problems of one kind, counted, with the first of them to jump to: "3 numbers are too short — go to row 4".</summary>
public sealed record ProblemGroup(BuilderProblemKind Kind, int Count, BuilderProblem First)
{
    public string Text => ProblemGroups.Describe(Kind, Count, First);

    /// <summary>"row 4", "the name"…: where the jump goes.</summary>
    public string Target => First.Row is { } row ? Localized.Format(typeof(ProblemGroups), "row {0}", row + 1) : Localized.Text(typeof(ProblemGroups), First.Field switch
    {
        "Name" => "the name",
        "TempMsgID" => "the template",
        "JSON" or "AdvancedJson" => "the JSON",
        "SendAt" => "the schedule",
        _ => "the recipients",
    });
}

public static class ProblemGroups
{
    /// <summary>Every problem, grouped by kind in the order the form reads (name, template, recipients, schedule).</summary>
    public static IReadOnlyList<ProblemGroup> Group(IEnumerable<BuilderProblem> problems) =>
        Order(problems.GroupBy(p => p.Kind).Select(g => new ProblemGroup(g.Key, g.Count(), g.OrderBy(p => p.Row ?? -1).First())));

    /// <summary>Groups in the order the form reads, each part's by the row they start on.</summary>
    public static IReadOnlyList<ProblemGroup> Order(IEnumerable<ProblemGroup> groups) =>
        groups.OrderBy(g => Order(g.First.Field)).ThenBy(g => g.First.Row ?? -1).ToList();

    private static int Order(string field) => field switch
    {
        "Name" => 0,
        "TempMsgID" or "JSON" or "AdvancedJson" => 1,
        "SendAt" => 3,
        _ => 2,
    };

    public static string Describe(BuilderProblemKind kind, int count, BuilderProblem first)
    {
        string Of(string one, string many) =>
            count == 1 ? Localized.Text(typeof(ProblemGroups), "1 " + one) : Localized.Format(typeof(ProblemGroups), "{0:N0} " + many, count);
        return kind switch
        {
            BuilderProblemKind.NoNumber => Of("row has no phone number", "rows have no phone number"),
            BuilderProblemKind.NotANumber => Of("phone number is not a number", "phone numbers are not numbers"),
            BuilderProblemKind.TooShort => Of("number is too short", "numbers are too short"),
            BuilderProblemKind.TooLong => Of("number is too long", "numbers are too long"),
            BuilderProblemKind.WrongLength => Of("number has the wrong number of digits", "numbers have the wrong number of digits"),
            BuilderProblemKind.UnknownCountryCode => Of("number has no known country code", "numbers have no known country code"),
            BuilderProblemKind.NotValid => Of("number is not a valid number", "numbers are not valid numbers"),
            BuilderProblemKind.Duplicate => Of("number is listed twice", "numbers are listed twice"),
            BuilderProblemKind.MissingValues => Of("row is missing values", "rows are missing values"),
            BuilderProblemKind.ExtraValues => Of("row has more values than the template has variables", "rows have more values than the template has variables"),
            // One of a kind: the field's own sentence, without its full stop.
            _ => first.Sentence.TrimEnd('.'),
        };
    }
}
