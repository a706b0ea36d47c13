# Automatically generated - do not edit.
# Source: forms/tor_version_dialog.ui (sha256 d740d590802d2b0c80e522d5ba6cbcf33f66051f9cf955d58fa1b3b207d6202a)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'tor_version_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_TorVersionDialog(object):
    def setupUi(self, TorVersionDialog):
        if not TorVersionDialog.objectName():
            TorVersionDialog.setObjectName(u"TorVersionDialog")
        TorVersionDialog.resize(560, 320)
        TorVersionDialog.setMinimumSize(QSize(520, 0))
        self.mainLayout = QVBoxLayout(TorVersionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(TorVersionDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.versionEditLabel = QLabel(TorVersionDialog)
        self.versionEditLabel.setObjectName(u"versionEditLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.versionEditLabel)

        self.versionEdit = QLineEdit(TorVersionDialog)
        self.versionEdit.setObjectName(u"versionEdit")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.versionEdit)

        self.signedCheckLabel = QLabel(TorVersionDialog)
        self.signedCheckLabel.setObjectName(u"signedCheckLabel")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.signedCheckLabel)

        self.signedEditRow = QHBoxLayout()
        self.signedEditRow.setObjectName(u"signedEditRow")
        self.signedCheck = QCheckBox(TorVersionDialog)
        self.signedCheck.setObjectName(u"signedCheck")

        self.signedEditRow.addWidget(self.signedCheck)

        self.signedEdit = QDateEdit(TorVersionDialog)
        self.signedEdit.setObjectName(u"signedEdit")
        self.signedEdit.setCalendarPopup(True)

        self.signedEditRow.addWidget(self.signedEdit)

        self.signedEditSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.signedEditRow.addItem(self.signedEditSpacer)


        self.fieldsForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.signedEditRow)

        self.reviewCheckLabel = QLabel(TorVersionDialog)
        self.reviewCheckLabel.setObjectName(u"reviewCheckLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reviewCheckLabel)

        self.reviewEditRow = QHBoxLayout()
        self.reviewEditRow.setObjectName(u"reviewEditRow")
        self.reviewCheck = QCheckBox(TorVersionDialog)
        self.reviewCheck.setObjectName(u"reviewCheck")

        self.reviewEditRow.addWidget(self.reviewCheck)

        self.reviewEdit = QDateEdit(TorVersionDialog)
        self.reviewEdit.setObjectName(u"reviewEdit")
        self.reviewEdit.setCalendarPopup(True)

        self.reviewEditRow.addWidget(self.reviewEdit)

        self.reviewEditSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.reviewEditRow.addItem(self.reviewEditSpacer)


        self.fieldsForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.reviewEditRow)

        self.meetingComboLabel = QLabel(TorVersionDialog)
        self.meetingComboLabel.setObjectName(u"meetingComboLabel")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.meetingComboLabel)

        self.meetingCombo = QComboBox(TorVersionDialog)
        self.meetingCombo.setObjectName(u"meetingCombo")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.meetingCombo)

        self.notesEditLabel = QLabel(TorVersionDialog)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEdit = QPlainTextEdit(TorVersionDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMaximumSize(QSize(16777215, 70))

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.mainLayout.addLayout(self.fieldsForm)

        self.errorLabel = QLabel(TorVersionDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TorVersionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.versionEditLabel.setBuddy(self.versionEdit)
        self.signedCheckLabel.setBuddy(self.signedCheck)
        self.reviewCheckLabel.setBuddy(self.reviewCheck)
        self.meetingComboLabel.setBuddy(self.meetingCombo)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TorVersionDialog)
        self.buttonBox.accepted.connect(TorVersionDialog.accept)
        self.buttonBox.rejected.connect(TorVersionDialog.reject)

        QMetaObject.connectSlotsByName(TorVersionDialog)
    # setupUi

    def retranslateUi(self, TorVersionDialog):
        TorVersionDialog.setWindowTitle(QCoreApplication.translate("TorVersionDialog", u"New version of the Terms of Reference", None))
        self.introLabel.setText("")
        self.versionEditLabel.setText(QCoreApplication.translate("TorVersionDialog", u"&Version:", None))
        self.versionEdit.setPlaceholderText(QCoreApplication.translate("TorVersionDialog", u"e.g. January 2027, or v4", None))
        self.signedCheckLabel.setText(QCoreApplication.translate("TorVersionDialog", u"&Signed off:", None))
        self.signedCheck.setText("")
#if QT_CONFIG(tooltip)
        self.signedCheck.setToolTip(QCoreApplication.translate("TorVersionDialog", u"Signed off: in force at once. Not yet: a draft under review", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.signedEdit.setToolTip(QCoreApplication.translate("TorVersionDialog", u"Signed off: in force at once. Not yet: a draft under review", None))
#endif // QT_CONFIG(tooltip)
        self.reviewCheckLabel.setText(QCoreApplication.translate("TorVersionDialog", u"Next &review due:", None))
        self.reviewCheck.setText("")
        self.meetingComboLabel.setText(QCoreApplication.translate("TorVersionDialog", u"Reviewed &at:", None))
#if QT_CONFIG(tooltip)
        self.meetingCombo.setToolTip(QCoreApplication.translate("TorVersionDialog", u"The subcommittee meeting that reviewed it", None))
#endif // QT_CONFIG(tooltip)
        self.notesEditLabel.setText(QCoreApplication.translate("TorVersionDialog", u"&What changed:", None))
        self.errorLabel.setText("")
    # retranslateUi

