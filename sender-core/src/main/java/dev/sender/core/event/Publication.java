package dev.sender.core.event;

/**
 * What a publisher hands a broker: handler events of one account ({@link HandlerPublication}) or one general
 * event ({@link GeneralPublication}).
 */
public sealed interface Publication permits HandlerPublication, GeneralPublication {

    /** {@return the request id of the publication, carried into logs and, for handler events, into messages} */
    String requestId();

    /** {@return the number of events in the publication} */
    int size();
}
