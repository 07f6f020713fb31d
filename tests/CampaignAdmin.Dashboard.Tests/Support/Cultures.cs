using System.Globalization;

namespace CampaignAdmin.Dashboard.Tests.Support;

/// <summary>Runs a test body in a culture (UI texts and formats alike) and puts the thread's own back after.</summary>
internal static class Cultures
{
    public static void InCulture(string name, Action act)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        try { act(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui); }
    }

    public static void InArabic(Action act) => InCulture("ar", act);
}
