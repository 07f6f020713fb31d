using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CampaignAdmin.Dashboard.Hosting;

/// <summary>
/// The embedded dashboard's own HTTP address, read from what the server actually listens on (so <c>--urls</c> and
/// port 0 work). Wildcard hosts become loopback; plain HTTP on loopback is preferred.
/// </summary>
public sealed class SelfAddress(IServer server)
{
    private Uri? _resolved;

    public Uri Resolve() => _resolved ??= Pick(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        ?? throw new InvalidOperationException("The dashboard is not listening on any address yet, so it cannot call its embedded API.");

    public static Uri? Pick(IEnumerable<string> addresses) =>
        addresses.Select(ToLoopback).OfType<Uri>()
            .OrderBy(uri => uri.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .ThenBy(uri => uri.IsLoopback ? 0 : 1)
            .FirstOrDefault();

    private static Uri? ToLoopback(string address)
    {
        // Kestrel reports wildcards as http://[::]:80, http://0.0.0.0:80, http://+:80 or http://*:80.
        var normalized = address.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1")
            .Replace("://[::]", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1");
        return Uri.TryCreate(normalized, UriKind.Absolute, out var uri) ? new Uri(uri.GetLeftPart(UriPartial.Authority) + "/") : null;
    }
}
