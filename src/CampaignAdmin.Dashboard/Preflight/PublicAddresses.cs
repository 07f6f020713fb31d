using System.Net;
using System.Net.Sockets;

namespace CampaignAdmin.Dashboard.Preflight;

/// <summary>
/// Which addresses the dashboard may connect to on a user's behalf (a header media link): public ones only. Refused:
/// unspecified (0.0.0.0, ::), loopback (127/8, ::1), private (10/8, 172.16/12, 192.168/16), link-local (169.254/16, where
/// cloud metadata answers, and fe80::/10), CGNAT (100.64/10), "this network" (0/8), multicast and reserved (224/3),
/// unique-local (fc00::/7), and the IPv4-mapped, -compatible, NAT64 and 6to4 forms of any refused IPv4 address.
/// </summary>
public static class PublicAddresses
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return IsPublic(address.MapToIPv4());
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV4(byte[] b) => !(
        b[0] == 0                                   // this network, 0.0.0.0
        || b[0] == 10                               // private
        || b[0] == 127                              // loopback
        || (b[0] == 100 && (b[1] & 0xC0) == 64)     // CGNAT 100.64/10
        || (b[0] == 169 && b[1] == 254)             // link-local, cloud metadata
        || (b[0] == 172 && (b[1] & 0xF0) == 16)     // private 172.16/12
        || (b[0] == 192 && b[1] == 168)             // private
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)  // IETF protocol assignments
        || (b[0] == 198 && (b[1] & 0xFE) == 18)     // benchmarking 198.18/15
        || b[0] >= 224);                            // multicast, reserved, broadcast

    private static bool IsPublicV6(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal) return false;
        var b = address.GetAddressBytes();
        // IPv4-compatible ::a.b.c.d (deprecated, and ::/96 holds :: and ::1 too): judged as the IPv4 address.
        if (b.Take(12).All(x => x == 0)) return IsPublicV4(b[12..]);
        // NAT64 64:ff9b::/96 reaches the IPv4 address in its last 32 bits.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.Skip(4).Take(8).All(x => x == 0)) return IsPublicV4(b[12..]);
        // 6to4 2002::/16 carries an IPv4 address in bits 16-47.
        if (b[0] == 0x20 && b[1] == 0x02) return IsPublicV4(b[2..6]);
        // Global unicast is 2000::/3; anything else (discard, documentation-less reserved space) is not a media host.
        return (b[0] & 0xE0) == 0x20;
    }
}
