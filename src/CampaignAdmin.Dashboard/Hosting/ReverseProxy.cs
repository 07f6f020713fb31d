using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace CampaignAdmin.Dashboard.Hosting;

/// <summary>
/// The <c>ReverseProxy</c> section: the proxies (<c>KnownProxies</c>, IP addresses) and networks (<c>KnownNetworks</c>, CIDR)
/// whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. Behind a TLS-terminating proxy this is what makes the
/// audit log record the browser's address, and HTTPS redirection, HSTS and the Secure cookie see the original scheme.
/// Nothing is trusted unless configured: a client cannot choose the address the audit log records.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    public List<string> KnownProxies { get; set; } = [];

    public List<string> KnownNetworks { get; set; } = [];

    public bool IsConfigured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

public static class ReverseProxy
{
    /// <summary>Reads the section; a value that is not an address or a network stops the start with the setting named.</summary>
    public static IServiceCollection AddReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new();
        var proxies = options.KnownProxies.Select(p => IPAddress.TryParse(p.Trim(), out var address)
            ? address
            : throw new InvalidOperationException($"{ReverseProxyOptions.Section}:KnownProxies: \"{p}\" is not an IP address.")).ToList();
        var networks = options.KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var network)
            ? network
            : throw new InvalidOperationException($"{ReverseProxyOptions.Section}:KnownNetworks: \"{n}\" is not a network in CIDR notation (10.0.0.0/8).")).ToList();

        services.AddSingleton(options);
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            // Nothing configured, nothing believed: also when ASPNETCORE_FORWARDEDHEADERS_ENABLED has ASP.NET Core add its own
            // forwarded-headers step, which would otherwise believe every sender (these options come after its own).
            forwarded.ForwardedHeaders = options.IsConfigured ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            // Only what is configured: not even the loopback default.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            proxies.ForEach(forwarded.KnownProxies.Add);
            networks.ForEach(forwarded.KnownIPNetworks.Add);
        });
        return services;
    }

    /// <summary>First in the pipeline, so every later step sees the browser's address and scheme.</summary>
    public static WebApplication UseReverseProxy(this WebApplication app)
    {
        // With ASPNETCORE_FORWARDEDHEADERS_ENABLED the framework already runs this step first, with these options: a second one
        // would let a client behind a trusted proxy pass one more forged hop.
        var frameworkDoesIt = string.Equals(app.Configuration["FORWARDEDHEADERS_ENABLED"], "true", StringComparison.OrdinalIgnoreCase);
        if (app.Services.GetRequiredService<ReverseProxyOptions>().IsConfigured && !frameworkDoesIt) app.UseForwardedHeaders();
        return app;
    }
}
