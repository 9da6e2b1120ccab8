package com.bourse.cluster;

import com.bourse.cluster.client.ClusterVenue;
import com.bourse.cluster.client.CommandOutcomeListener;
import com.bourse.protocol.Command;
import com.bourse.protocol.Event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Everything a venue told its listeners: events in order, acknowledged and failed commands. */
final class VenueRecorder implements CommandOutcomeListener {
    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<Command> acknowledged = new CopyOnWriteArrayList<>();
    final List<String> failures = new CopyOnWriteArrayList<>();

    static VenueRecorder on(ClusterVenue venue) {
        VenueRecorder recorder = new VenueRecorder();
        venue.subscribe(recorder.events::add);
        venue.onOutcome(recorder);
        return recorder;
    }

    @Override
    public void acknowledged(Command command, long logPosition) {
        acknowledged.add(command);
    }

    @Override
    public void failed(Command command, String reason) {
        failures.add(command + ": " + reason);
    }

    int settled() {
        return acknowledged.size() + failures.size();
    }

    <T extends Event> List<T> eventsOf(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
