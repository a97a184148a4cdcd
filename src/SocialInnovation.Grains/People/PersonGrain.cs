using Microsoft.Extensions.DependencyInjection;
using Orleans.Core;
using Orleans.Storage;
using SocialInnovation.Grains.Common;
using SocialInnovation.People;

namespace SocialInnovation.Grains.People;

/// <summary>
/// One person. The state is read on the first call that needs it rather than on activation, so that a
/// person an invite redemption has just made up (<see cref="JoinAsNew"/>) is stored with one conditional
/// create instead of a read of a blob that does not exist followed by a write: two storage requests per
/// joining person became one, on the join's path. People are kept in their own storage
/// (<see cref="StorageNames.People"/>), where the host stores the new people of one invite together in
/// one transaction: the create waits for that group's write.
/// </summary>
public sealed partial class PersonGrain : Grain, IPersonGrain
{
    private readonly StateStorageBridge<PersonState> _state;
    private bool _loaded;

    public PersonGrain(IGrainContext context)
    {
        // The same state name as [PersistentState("person", ...)]; the people's storage reads people stored before it from the blobs.
        _state = new StateStorageBridge<PersonState>("person", context, context.ActivationServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.People));
    }

    private PersonState Person => _state.State;

    private bool Exists => Person.Name.Length > 0;

    public async Task<PersonProfile?> GetProfile()
    {
        await Load();
        return Exists ? new PersonProfile(this.GetPrimaryKey(), Person.Name, Person.IsPlatformOrganizer, new Dictionary<Guid, CampRole>(Person.Camps), Person.Language) : null;
    }

    public async Task<CampRole?> GetRole(Guid campId)
    {
        await Load();
        return Person.Camps.TryGetValue(campId, out var role) ? role : null;
    }

    public async Task<CampRole> Join(Guid campId, CampRole role, string name)
    {
        await Load();
        if (Person.Camps.TryGetValue(campId, out var existing)) return existing;
        if (!Exists) Person.Name = name;
        Person.Camps[campId] = role;
        await Store();
        return role;
    }

    public async Task<PersonSessions> JoinAsNew(Guid campId, CampRole role, string name)
    {
        if (!_loaded)
        {
            // Not read yet: store this person as new, with a write storage refuses when the blob exists
            // (no ETag: create only). Refused means the id was used before (a retried redemption whose
            // first attempt got this far): read what is stored and join as anyone would.
            _state.State = new PersonState { Name = name, Camps = { [campId] = role } };
            try
            {
                await _state.WriteStateAsync();
                _loaded = true;
                return Sessions();
            }
            catch (InconsistentStateException)
            {
                await _state.ReadStateAsync();
                _loaded = true;
            }
            catch
            {
                DeactivateOnIdle(); // memory holds a person storage may not have: the next call starts afresh
                throw;
            }
        }
        await Join(campId, role, name);
        return Sessions();
    }

    public async Task<PersonSessions> GetSessions()
    {
        await Load();
        return Sessions();
    }

    private PersonSessions Sessions() => new(Person.SessionStamp, Person.EndedSessions.ToArray());

    public async Task EndSession(string sessionId)
    {
        await Load();
        if (Person.EndedSessions.Contains(sessionId)) return;
        // Past this many single sign-outs the list would only grow: ending all sessions instead is
        // the safe side (the person signs in again on the devices they still use).
        if (Person.EndedSessions.Count >= MaxEndedSessions)
        {
            await EndAllSessions();
            return;
        }
        Person.EndedSessions.Add(sessionId);
        await Store();
    }

    public async Task EndAllSessions()
    {
        await Load();
        Person.SessionStamp++;
        Person.EndedSessions.Clear();
        await Store();
    }

    private const int MaxEndedSessions = 50;

    public async Task BecomePlatformOrganizer(string name)
    {
        await Load();
        if (Person.IsPlatformOrganizer) return;
        Person.IsPlatformOrganizer = true;
        if (!Exists) Person.Name = name;
        await Store();
    }

    public async Task SetLanguage(string language)
    {
        await Load();
        if (!Exists || Person.Language == language) return;
        Person.Language = language;
        await Store();
    }

    /// <summary>Reads the stored person once per activation, before the first call that needs it.</summary>
    private Task Load() => _loaded ? Task.CompletedTask : LoadNow();

    private async Task LoadNow()
    {
        await _state.ReadStateAsync();
        _loaded = true;
    }

    /// <summary>As <see cref="StateStore.Store{T}"/>: a failed write drops the activation, whose memory is now ahead of storage.</summary>
    private async Task Store()
    {
        try
        {
            await _state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
