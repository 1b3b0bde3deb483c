package io.antechamber.api.realtime;

import io.antechamber.api.feed.FeedProperties;
import io.antechamber.api.feed.FeedReader;
import io.antechamber.api.feed.FeedTailer;
import io.antechamber.api.feed.RoomSubscribers;
import org.springframework.stereotype.Component;

/** What every {@link FeedStream} of this replica shares. */
@Component
record StreamContext(FeedProperties properties, FeedReader reader, FeedTailer tailer, RoomSubscribers subscribers,
        StreamThreads threads) {
}
