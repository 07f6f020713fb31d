using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Localization;

namespace CampaignAdmin.Dashboard.Text;

/// <summary>
/// The dashboard's languages: English and Arabic. The user picks one (a cookie, set by <c>GET /culture/{name}</c>); until
/// then the browser's Accept-Language decides, and English where it names neither. A circuit keeps the culture of the
/// request that opened it, so switching reloads the page.
/// </summary>
/// <remarks>
/// Texts are English in the code and translated by resource files: a component's in
/// <c>Resources/&lt;its namespace below CampaignAdmin.Dashboard&gt;/&lt;Component&gt;.ar.resx</c>, keyed by the English text,
/// read through <c>IStringLocalizer&lt;Component&gt;</c>; a static text helper's the same way through <see cref="Localized"/>.
/// A text with no translation shows in English. "ar" is the neutral culture: Gregorian calendar (ar-SA's is Umm al-Qura).
/// </remarks>
public static class DashboardCultures
{
    public const string English = "en";
    public const string Arabic = "ar";
    public const string ResourcesPath = "Resources";
    public const string SwitchPath = "/culture";

    public static readonly IReadOnlyList<string> Names = [English, Arabic];

    /// <summary>The culture's own name for itself, as a language switch shows it.</summary>
    public static string NativeName(string culture) => culture == Arabic ? "العربية" : "English";

    public static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    /// <summary>The other language than the current one: what the switch in the app bar offers.</summary>
    public static string Other => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Arabic ? English : Arabic;

    public static IServiceCollection AddDashboardCultures(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = ResourcesPath);
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Names.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(English);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // The user's pick, then the browser's languages (ar-SA falls back to ar); no query string (links would leak it).
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>
    /// <c>GET /culture/{name}?returnUrl=/campaigns</c>: keeps the pick for a year and goes back to the page, on this site only.
    /// Open to everyone (the sign-in page has the switch); it sets nothing but the language.
    /// </summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet(SwitchPath + "/{name}", (string name, string? returnUrl, HttpContext context) =>
        {
            if (!Names.Contains(name, StringComparer.Ordinal)) return Results.NotFound();
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, IsEssential = true });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous().ExcludeFromDescription();

    /// <summary>A path on this site: "/x", never "//host" or "/\host" (which browsers follow off the site).</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || url[1] is not ('/' or '\\'));

    /// <summary>The switch's address for the page at <paramref name="relativePath"/> ("campaigns/7?x=1").</summary>
    public static string SwitchTo(string culture, string relativePath) =>
        $"{SwitchPath.TrimStart('/')}/{culture}?returnUrl={Uri.EscapeDataString("/" + relativePath)}";
}

/// <summary>Translations for static text helpers (TimeText, LiveTexts…): the same resource files an IStringLocalizer reads.</summary>
public static class Localized
{
    private static readonly ConcurrentDictionary<Type, ResourceManager> Managers = new();

    /// <summary>The current UI culture's text for <paramref name="english"/> in <paramref name="owner"/>'s resource file, else the English.</summary>
    public static string Text(Type owner, string english)
    {
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == DashboardCultures.English) return english;
        var manager = Managers.GetOrAdd(owner, type => new ResourceManager(BaseName(type), type.Assembly));
        try
        {
            return manager.GetString(english, CultureInfo.CurrentUICulture) ?? english;
        }
        catch (MissingManifestResourceException)
        {
            return english;
        }
    }

    /// <summary>A translated format, filled in the current culture: <c>Localized.Format(typeof(X), "in {0}", span)</c>.</summary>
    public static string Format(Type owner, string english, params object?[] values) =>
        string.Format(CultureInfo.CurrentCulture, Text(owner, english), values);

    /// <summary>
    /// <paramref name="text"/> built in English whatever the page's language: a text that is both shown and written to the
    /// audit log (a "resend all" summary), which support reads in English.
    /// </summary>
    public static string InEnglish(Func<string> text)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(DashboardCultures.English);
            return text();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    private static string BaseName(Type type)
    {
        const string root = "CampaignAdmin.Dashboard.";
        var name = type.FullName!;
        return root + DashboardCultures.ResourcesPath + "." + (name.StartsWith(root, StringComparison.Ordinal) ? name[root.Length..] : name);
    }
}
