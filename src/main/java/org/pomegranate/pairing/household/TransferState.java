package org.pomegranate.pairing.household;

/** Where a transfer request (迁移申请) stands: sent and waiting, approved (the household moved) or refused. */
public enum TransferState {

	SENT, APPROVED, REFUSED

}
