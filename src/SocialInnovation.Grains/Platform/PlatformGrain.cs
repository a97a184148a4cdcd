using System.Security.Cryptography;
using System.Text;
using SocialInnovation.Grains.Common;
using SocialInnovation.People;
using SocialInnovation.Platform;

namespace SocialInnovation.Grains.Platform;

[GenerateSerializer]
public sealed class PlatformState
{
    [Id(0)] public string OrganizerKeyHash { get; set; } = "";
    [Id(1)] public Guid OrganizerId { get; set; }
    [Id(2)] public List<Guid> Camps { get; set; } = [];
}

public sealed class PlatformGrain(
    [PersistentState("platform", StorageNames.State)] IPersistentState<PlatformState> state) : Grain, IPlatformGrain
{
    public const string OrganizerName = "Organizer";

    private PlatformState Platform => state.State;

    public Task<bool> HasOrganizerKey() => Task.FromResult(Platform.OrganizerKeyHash.Length > 0);

    public async Task<bool> SetInitialOrganizerKeyHash(string keyHash)
    {
        if (Platform.OrganizerKeyHash.Length > 0) return false;
        await SetOrganizerKeyHash(keyHash);
        return true;
    }

    public async Task SetOrganizerKeyHash(string keyHash)
    {
        var replaced = Platform.OrganizerKeyHash.Length > 0 && Platform.OrganizerKeyHash != keyHash;
        if (Platform.OrganizerKeyHash != keyHash || Platform.OrganizerId == Guid.Empty)
        {
            Platform.OrganizerKeyHash = keyHash;
            if (Platform.OrganizerId == Guid.Empty) Platform.OrganizerId = Guid.NewGuid();
            await state.Store(this);
        }
        // A new key is usually made because the old one leaked: whoever signed in with it is out.
        if (replaced) await GrainFactory.GetGrain<IPersonGrain>(Platform.OrganizerId).EndAllSessions();
        // Every time, not only on a change: it is idempotent, and repairs a start that failed halfway.
        await GrainFactory.GetGrain<IPersonGrain>(Platform.OrganizerId).BecomePlatformOrganizer(OrganizerName);
    }

    public Task<Guid?> SignInOrganizer(string keyHash)
    {
        var matches = Platform.OrganizerKeyHash.Length > 0 && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Platform.OrganizerKeyHash), Encoding.ASCII.GetBytes(keyHash));
        return Task.FromResult(matches ? Platform.OrganizerId : (Guid?)null);
    }

    public Task<Guid?> GetOrganizerId() =>
        Task.FromResult(Platform.OrganizerId == Guid.Empty ? null : (Guid?)Platform.OrganizerId);

    public async Task RegisterCamp(Guid campId)
    {
        if (Platform.Camps.Contains(campId)) return;
        Platform.Camps.Add(campId);
        await state.Store(this);
    }

    public Task<IReadOnlyList<Guid>> GetCamps() => Task.FromResult<IReadOnlyList<Guid>>(Platform.Camps.ToList());
}
