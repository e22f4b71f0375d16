package org.chanvas.runtime.channel;

/** A wait queued on one channel: a reader waiting for a message, or a writer with the message it offers. */
record Offer(Wait pending, int index, Object value, Object tag) {
}
