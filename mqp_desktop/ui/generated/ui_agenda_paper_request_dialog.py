# Automatically generated - do not edit.
# Source: forms/agenda_paper_request_dialog.ui (sha256 5462f6c26277e10bd74493ee77ea751eb3b678038255996cd01336697ae7e36b)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agenda_paper_request_dialog.ui'
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
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_PaperRequestDialog(object):
    def setupUi(self, PaperRequestDialog):
        if not PaperRequestDialog.objectName():
            PaperRequestDialog.setObjectName(u"PaperRequestDialog")
        PaperRequestDialog.resize(540, 360)
        PaperRequestDialog.setMinimumSize(QSize(500, 0))
        self.mainLayout = QVBoxLayout(PaperRequestDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(PaperRequestDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.paperForm = QFormLayout()
        self.paperForm.setObjectName(u"paperForm")
        self.paperForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.titleLabel = QLabel(PaperRequestDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.paperForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(PaperRequestDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.paperForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.authorLabel = QLabel(PaperRequestDialog)
        self.authorLabel.setObjectName(u"authorLabel")

        self.paperForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.authorLabel)

        self.authorEdit = QComboBox(PaperRequestDialog)
        self.authorEdit.setObjectName(u"authorEdit")
        self.authorEdit.setEditable(True)

        self.paperForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.authorEdit)

        self.emailLabel = QLabel(PaperRequestDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.paperForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(PaperRequestDialog)
        self.emailEdit.setObjectName(u"emailEdit")

        self.paperForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.deadlineLabel = QLabel(PaperRequestDialog)
        self.deadlineLabel.setObjectName(u"deadlineLabel")

        self.paperForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.deadlineLabel)

        self.deadlineRow = QHBoxLayout()
        self.deadlineRow.setObjectName(u"deadlineRow")
        self.deadlineEdit = QDateEdit(PaperRequestDialog)
        self.deadlineEdit.setObjectName(u"deadlineEdit")
        self.deadlineEdit.setCalendarPopup(True)

        self.deadlineRow.addWidget(self.deadlineEdit)

        self.deadlineNoteLabel = QLabel(PaperRequestDialog)
        self.deadlineNoteLabel.setObjectName(u"deadlineNoteLabel")
        self.deadlineNoteLabel.setWordWrap(True)

        self.deadlineRow.addWidget(self.deadlineNoteLabel)


        self.paperForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.deadlineRow)

        self.notesLabel = QLabel(PaperRequestDialog)
        self.notesLabel.setObjectName(u"notesLabel")

        self.paperForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(PaperRequestDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.paperForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.notesEdit)

        self.openDraftCheck = QCheckBox(PaperRequestDialog)
        self.openDraftCheck.setObjectName(u"openDraftCheck")
        self.openDraftCheck.setChecked(True)

        self.paperForm.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.openDraftCheck)


        self.mainLayout.addLayout(self.paperForm)

        self.errorLabel = QLabel(PaperRequestDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PaperRequestDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.authorLabel.setBuddy(self.authorEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.deadlineLabel.setBuddy(self.deadlineEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PaperRequestDialog)
        self.buttonBox.accepted.connect(PaperRequestDialog.accept)
        self.buttonBox.rejected.connect(PaperRequestDialog.reject)

        QMetaObject.connectSlotsByName(PaperRequestDialog)
    # setupUi

    def retranslateUi(self, PaperRequestDialog):
        PaperRequestDialog.setWindowTitle(QCoreApplication.translate("PaperRequestDialog", u"Request a paper", None))
        self.introLabel.setText("")
        self.titleLabel.setText(QCoreApplication.translate("PaperRequestDialog", u"&Paper:", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("PaperRequestDialog", u"The paper's title (the item's title when left empty)", None))
        self.authorLabel.setText(QCoreApplication.translate("PaperRequestDialog", u"&Author:", None))
#if QT_CONFIG(tooltip)
        self.authorEdit.setToolTip(QCoreApplication.translate("PaperRequestDialog", u"Who is writing the paper: a member, or type a name", None))
#endif // QT_CONFIG(tooltip)
        self.emailLabel.setText(QCoreApplication.translate("PaperRequestDialog", u"&Email:", None))
        self.emailEdit.setPlaceholderText(QCoreApplication.translate("PaperRequestDialog", u"name@agency.gov.uk", None))
        self.deadlineLabel.setText(QCoreApplication.translate("PaperRequestDialog", u"&Deadline:", None))
        self.deadlineNoteLabel.setText("")
        self.notesLabel.setText(QCoreApplication.translate("PaperRequestDialog", u"&Notes:", None))
        self.openDraftCheck.setText(QCoreApplication.translate("PaperRequestDialog", u"&Open an email draft asking for it", None))
        self.errorLabel.setText("")
    # retranslateUi

