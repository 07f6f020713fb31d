namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

/// <summary>
/// One thing that stops a campaign, for people: a sentence, and underneath the rule it breaks in the API's exact words
/// (<c>""</c> for the builder's own checks). <see cref="Field"/> is the validator's property path; <see cref="Row"/> the
/// 0-based recipient row it concerns, if any; problems of one <see cref="Kind"/> are listed together.
/// </summary>
public sealed record BuilderProblem(string Field, int? Row, BuilderProblemKind Kind, string Sentence, string Rule);

public enum BuilderProblemKind
{
    NoName, NameTooLong, NoTemplate, TemplateNotFound, TooManyVariables, TooFewRecipients,
    NoNumber, NotANumber, TooShort, TooLong, WrongLength, UnknownCountryCode, NotValid, Duplicate,
    NotEnoughValuesForJson, MissingValues, ExtraValues, Schedule, AdvancedJson, Other,
}
