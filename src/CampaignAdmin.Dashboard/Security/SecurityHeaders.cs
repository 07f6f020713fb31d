using CampaignAdmin.Contracts.Wire;

namespace CampaignAdmin.Dashboard.Security;

/// <summary>
/// Headers on every dashboard response (not the embedded API's <c>/v2</c>, whose wire is the vendor's), plus HTTPS redirection and
/// HSTS outside Development.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Blazor Server needs only <c>script-src 'self'</c> (blazor.web.js, MudBlazor.min.js, app.js; no inline script, no eval) and a
    /// same-origin WebSocket (<c>connect-src 'self'</c>). MudBlazor sets inline <c>style</c> attributes and its theme writes a
    /// <c>&lt;style&gt;</c> element, hence <c>style-src 'unsafe-inline'</c>. Template previews show header images from any HTTPS host.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    public static WebApplication UseDashboardSecurity(this WebApplication app)
    {
        var production = !app.Environment.IsDevelopment();
        app.UseWhen(context => !context.Request.Path.StartsWithSegments(ApiRoutes.Prefix), dashboard =>
        {
            if (production)
            {
                dashboard.UseHsts();
                dashboard.UseHttpsRedirection();
            }
            dashboard.Use((context, next) =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return next(context);
            });
        });
        return app;
    }
}
