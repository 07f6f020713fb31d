using System.Net;
using System.Net.Sockets;

namespace CampaignAdmin.Api.Tests.Infrastructure;

/// <summary>A loopback port nothing listens on right now (the benchmark links this file too).</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
