using CampaignAdmin.Contracts.Validation;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

/// <summary>Which builder field a 400 from the server concerns, so the server's answer lands where the live rule would.</summary>
public static class ServerErrorFields
{
    public static string FieldOf(string error) => error switch
    {
        ErrorTexts.NameRequired or ErrorTexts.NameTooLong => "Name",
        ErrorTexts.JsonOrTemplateRequired or ErrorTexts.TemplateNotFound => "TempMsgID",
        ErrorTexts.SendAtFormat => "SendAt",
        _ when error.StartsWith("invalid request: ", StringComparison.Ordinal) => "Clients",
        _ => "",
    };
}
