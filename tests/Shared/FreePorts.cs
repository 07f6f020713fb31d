using System.Net;
using System.Net.Sockets;

namespace CampaignAdmin.Tests.Shared;

public static class FreePorts
{
    /// <summary>A loopback port nobody listens on now.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
